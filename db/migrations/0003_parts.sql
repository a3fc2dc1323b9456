CREATE TABLE `part_alternatives` (
	`dealer_id` text NOT NULL,
	`part_seq` integer NOT NULL,
	`alternative_seq` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `part_alternatives_pair_unique` ON `part_alternatives` (`part_seq`,`alternative_seq`);--> statement-breakpoint
CREATE TABLE `part_brands` (
	`dealer_id` text NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `part_brands_dealer_code_unique` ON `part_brands` (`dealer_id`,`code`);--> statement-breakpoint
CREATE TABLE `part_stocks` (
	`part_seq` integer PRIMARY KEY NOT NULL,
	`dealer_id` text NOT NULL,
	`on_hand` integer NOT NULL,
	`reserved` integer DEFAULT 0 NOT NULL,
	`lead_time_days` integer NOT NULL,
	`back_orderable` integer NOT NULL,
	`sales_block_reason` text,
	`updated_at` integer NOT NULL,
	CONSTRAINT "part_stocks_never_negative" CHECK("part_stocks"."reserved" >= 0 and "part_stocks"."on_hand" >= "part_stocks"."reserved")
);
--> statement-breakpoint
CREATE INDEX `part_stocks_dealer_idx` ON `part_stocks` (`dealer_id`);--> statement-breakpoint
CREATE TABLE `parts` (
	`seq` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`dealer_id` text NOT NULL,
	`brand_code` text NOT NULL,
	`part_code` text NOT NULL,
	`code_key` text NOT NULL,
	`description` text NOT NULL,
	`category` text NOT NULL,
	`weight_grams` integer NOT NULL,
	`unit_of_sale` text NOT NULL,
	`list_price_cents` integer NOT NULL,
	`tax_rate_bp` integer NOT NULL,
	`surcharge_type` text,
	`surcharge_cents` integer DEFAULT 0 NOT NULL,
	`requires_vin` integer DEFAULT false NOT NULL,
	`superseded_by_seq` integer,
	`supersession_date` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `parts_id_unique` ON `parts` (`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `parts_dealer_brand_code_unique` ON `parts` (`dealer_id`,`brand_code`,`code_key`);--> statement-breakpoint
CREATE INDEX `parts_dealer_code_idx` ON `parts` (`dealer_id`,`code_key`,`id`);--> statement-breakpoint
CREATE INDEX `parts_dealer_brand_code_idx` ON `parts` (`dealer_id`,`brand_code`,`code_key`,`id`);--> statement-breakpoint
CREATE INDEX `parts_superseded_by_idx` ON `parts` (`superseded_by_seq`);--> statement-breakpoint
CREATE TABLE `parts_order_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`dealer_id` text NOT NULL,
	`order_id` text NOT NULL,
	`line_number` integer NOT NULL,
	`part_seq` integer NOT NULL,
	`requested_part_seq` integer,
	`quantity` integer NOT NULL,
	`status` text NOT NULL,
	`list_price_cents` integer NOT NULL,
	`order_price_cents` integer NOT NULL,
	`surcharge_cents` integer NOT NULL,
	`tax_rate_bp` integer NOT NULL,
	`vehicle_references` text NOT NULL,
	`expected_at` integer,
	`replaces_line_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `parts_orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `parts_order_lines_order_idx` ON `parts_order_lines` (`order_id`,`line_number`);--> statement-breakpoint
CREATE INDEX `parts_order_lines_queue_idx` ON `parts_order_lines` (`dealer_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `parts_order_lines_status_idx` ON `parts_order_lines` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `parts_orders` (
	`id` text PRIMARY KEY NOT NULL,
	`dealer_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`order_type` text NOT NULL,
	`order_reference` text,
	`contact` text NOT NULL,
	`delivery_address` text,
	`order_status` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `trade_customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `parts_orders_dealer_idx` ON `parts_orders` (`dealer_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `parts_orders_dealer_status_idx` ON `parts_orders` (`dealer_id`,`order_status`,`created_at`);--> statement-breakpoint
CREATE INDEX `parts_orders_customer_idx` ON `parts_orders` (`customer_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `trade_customers` (
	`id` text PRIMARY KEY NOT NULL,
	`dealer_id` text NOT NULL,
	`account_number` text NOT NULL,
	`company_name` text NOT NULL,
	`contact_name` text NOT NULL,
	`phone` text NOT NULL,
	`email` text NOT NULL,
	`street_name` text NOT NULL,
	`postal_code` text NOT NULL,
	`city` text NOT NULL,
	`country_code` text NOT NULL,
	`default_discount_percent` integer DEFAULT 0 NOT NULL,
	`discounts` text NOT NULL,
	`allowed_order_types` text NOT NULL,
	`order_reference_required` integer NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `trade_customers_dealer_account_unique` ON `trade_customers` (`dealer_id`,`account_number`);--> statement-breakpoint
CREATE INDEX `trade_customers_dealer_idx` ON `trade_customers` (`dealer_id`,`created_at`,`id`);--> statement-breakpoint
-- Hand-written (drizzle-kit does not model FTS5): word search over descriptions and categories,
-- kept in step with `parts` by triggers. External content: the text lives once, in `parts`.
-- Prefix indexes for 2-10 characters: a prefix query without one merges whole doclists (ms), with one it streams (µs).
CREATE VIRTUAL TABLE `parts_fts` USING fts5(description, category, content='parts', content_rowid='seq', prefix='2 3 4 5 6 7 8 9 10', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `parts_fts_ai` AFTER INSERT ON `parts` BEGIN
  INSERT INTO parts_fts(rowid, description, category) VALUES (new.seq, new.description, new.category);
END;
--> statement-breakpoint
CREATE TRIGGER `parts_fts_ad` AFTER DELETE ON `parts` BEGIN
  INSERT INTO parts_fts(parts_fts, rowid, description, category) VALUES ('delete', old.seq, old.description, old.category);
END;
--> statement-breakpoint
CREATE TRIGGER `parts_fts_au` AFTER UPDATE OF description, category ON `parts` BEGIN
  INSERT INTO parts_fts(parts_fts, rowid, description, category) VALUES ('delete', old.seq, old.description, old.category);
  INSERT INTO parts_fts(rowid, description, category) VALUES (new.seq, new.description, new.category);
END;
