ALTER TABLE `checkout_carts` ADD `deactivated_at` integer;--> statement-breakpoint
ALTER TABLE `oems` ADD `config_revision` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
-- Hand-written data backfill: DOWN_PAYMENT_PAID is not one of the spec's payment statuses. A loan's
-- down payment holds the vehicle the way a reservation deposit does (the lender has guaranteed
-- nothing yet), so existing orders in that status become RESERVATION_PAID.
UPDATE `placed_orders` SET `payment_status` = 'RESERVATION_PAID' WHERE `payment_status` = 'DOWN_PAYMENT_PAID';
