ALTER TABLE `payments` ADD `refund_id` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `refunded_at` integer;--> statement-breakpoint
ALTER TABLE `quotes` ADD `canceled_at` integer;--> statement-breakpoint
ALTER TABLE `quotes` ADD `cancel_reason` text;--> statement-breakpoint
ALTER TABLE `service_orders` ADD `original_estimated_at` integer;--> statement-breakpoint
ALTER TABLE `service_orders` ADD `refunded_at` integer;--> statement-breakpoint
ALTER TABLE `service_orders` ADD `request_token` text;--> statement-breakpoint
CREATE UNIQUE INDEX `service_orders_quote_unique` ON `service_orders` (`quote_id`) WHERE quote_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX `service_orders_request_token_unique` ON `service_orders` (`dealer_id`,`request_token`) WHERE request_token is not null;--> statement-breakpoint
-- Hand-written backfill: the first promised estimate of existing orders. Orders were created with
-- estimated_at = created_at + the sum of their items' standard durations, so that sum rebuilds it
-- even where a delay has since moved estimated_at.
UPDATE `service_orders` SET `original_estimated_at` = `created_at` + 60000 * coalesce(
  (SELECT sum(json_extract(value, '$.durationMinutes') * json_extract(value, '$.quantity')) FROM json_each(`items`)),
  0
) WHERE `original_estimated_at` IS NULL;
