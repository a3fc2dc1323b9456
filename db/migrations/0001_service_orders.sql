CREATE TABLE `deals` (
	`id` text PRIMARY KEY NOT NULL,
	`dealer_id` text NOT NULL,
	`customer_name` text NOT NULL,
	`customer_email` text,
	`customer_phone` text,
	`vehicle` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `deals_dealer_idx` ON `deals` (`dealer_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `payments` (
	`id` text PRIMARY KEY NOT NULL,
	`dealer_id` text NOT NULL,
	`quote_id` text,
	`method` text NOT NULL,
	`status` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`card_brand` text,
	`card_last4` text,
	`decline_reason` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `payments_quote_idx` ON `payments` (`quote_id`);--> statement-breakpoint
CREATE TABLE `quotes` (
	`id` text PRIMARY KEY NOT NULL,
	`dealer_id` text NOT NULL,
	`deal_id` text,
	`type` text NOT NULL,
	`services` text NOT NULL,
	`status` text NOT NULL,
	`vin` text,
	`stock` text,
	`vehicle` text,
	`criteria` text,
	`delivery_address` text,
	`contact` text,
	`items` text NOT NULL,
	`total_cents` integer NOT NULL,
	`estimated_minutes` integer NOT NULL,
	`estimated_at` integer NOT NULL,
	`pay_token` text NOT NULL,
	`from_order_id` text,
	`from_candidate_id` text,
	`created_by` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`expires_at` integer NOT NULL,
	`paid_at` integer,
	`order_id` text,
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quotes_pay_token_unique` ON `quotes` (`pay_token`);--> statement-breakpoint
CREATE INDEX `quotes_dealer_idx` ON `quotes` (`dealer_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `quotes_deal_idx` ON `quotes` (`deal_id`);--> statement-breakpoint
CREATE TABLE `search_candidates` (
	`id` text PRIMARY KEY NOT NULL,
	`dealer_id` text NOT NULL,
	`order_id` text NOT NULL,
	`vin` text NOT NULL,
	`year` integer NOT NULL,
	`make` text NOT NULL,
	`model` text NOT NULL,
	`trim` text,
	`mileage` integer NOT NULL,
	`price_cents` integer NOT NULL,
	`location` text NOT NULL,
	`notes` text,
	`quote_id` text,
	`added_by` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `service_orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `search_candidates_order_idx` ON `search_candidates` (`order_id`);--> statement-breakpoint
CREATE TABLE `service_orders` (
	`id` text PRIMARY KEY NOT NULL,
	`dealer_id` text NOT NULL,
	`deal_id` text,
	`quote_id` text,
	`payment_id` text,
	`type` text NOT NULL,
	`services` text NOT NULL,
	`status` text NOT NULL,
	`vin` text,
	`stock` text,
	`vehicle` text,
	`criteria` text,
	`delivery_address` text,
	`contact` text,
	`items` text NOT NULL,
	`total_cents` integer NOT NULL,
	`payment_method` text NOT NULL,
	`estimated_at` integer NOT NULL,
	`status_reason` text,
	`receipt_token` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	`started_at` integer,
	`completed_at` integer,
	`canceled_at` integer,
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `service_orders_dealer_idx` ON `service_orders` (`dealer_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `service_orders_status_idx` ON `service_orders` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `service_orders_vin_idx` ON `service_orders` (`vin`);--> statement-breakpoint
CREATE INDEX `service_orders_deal_idx` ON `service_orders` (`deal_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `service_orders_receipt_unique` ON `service_orders` (`receipt_token`);