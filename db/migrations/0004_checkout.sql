CREATE TABLE `checkout_carts` (
	`id` text PRIMARY KEY NOT NULL,
	`oem_id` text NOT NULL,
	`dealer_id` text NOT NULL,
	`token` text NOT NULL,
	`status` text NOT NULL,
	`link_use_type` text NOT NULL,
	`order_creation_type` text NOT NULL,
	`source` text,
	`registration_state` text,
	`brand_key` text,
	`ecomm_user_id` text,
	`ecomm_order_id` text,
	`preorder_id` text,
	`cancel_url` text NOT NULL,
	`native_default_checkout_url` text NOT NULL,
	`vehicles` text NOT NULL,
	`items` text NOT NULL,
	`custom_link_config` text,
	`placed_order_metadata` text,
	`revision` integer DEFAULT 1 NOT NULL,
	`opened_at` integer,
	`last_activity_at` integer,
	`placed_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `checkout_carts_token_unique` ON `checkout_carts` (`token`);--> statement-breakpoint
CREATE INDEX `checkout_carts_dealer_idx` ON `checkout_carts` (`dealer_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `checkout_carts_oem_idx` ON `checkout_carts` (`oem_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `checkout_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`cart_id` text NOT NULL,
	`secret_hash` text NOT NULL,
	`progress` text NOT NULL,
	`placed_order_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`cart_id`) REFERENCES `checkout_carts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `checkout_sessions_secret_unique` ON `checkout_sessions` (`secret_hash`);--> statement-breakpoint
CREATE INDEX `checkout_sessions_cart_idx` ON `checkout_sessions` (`cart_id`);--> statement-breakpoint
CREATE TABLE `oem_brands` (
	`oem_id` text NOT NULL,
	`brand_key` text NOT NULL,
	`name` text NOT NULL,
	PRIMARY KEY(`oem_id`, `brand_key`),
	FOREIGN KEY (`oem_id`) REFERENCES `oems`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `oem_checkout_states` (
	`oem_id` text NOT NULL,
	`state` text NOT NULL,
	PRIMARY KEY(`oem_id`, `state`),
	FOREIGN KEY (`oem_id`) REFERENCES `oems`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `oem_dealers` (
	`oem_id` text NOT NULL,
	`dealer_id` text NOT NULL,
	`states` text NOT NULL,
	`is_default` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`oem_id`, `dealer_id`),
	FOREIGN KEY (`oem_id`) REFERENCES `oems`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `oem_dealers_dealer_idx` ON `oem_dealers` (`dealer_id`);--> statement-breakpoint
CREATE TABLE `oems` (
	`id` text PRIMARY KEY NOT NULL,
	`oem_key` text NOT NULL,
	`name` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `oems_key_unique` ON `oems` (`oem_key`);--> statement-breakpoint
CREATE TABLE `placed_orders` (
	`id` text PRIMARY KEY NOT NULL,
	`cart_id` text NOT NULL,
	`dealer_id` text NOT NULL,
	`oem_id` text NOT NULL,
	`type_of_order` text NOT NULL,
	`order_creation_type` text NOT NULL,
	`source` text,
	`ecomm_user_id` text,
	`ecomm_order_id` text,
	`metadata` text,
	`payment_option` text NOT NULL,
	`payment_status` text NOT NULL,
	`fulfillment_status` text NOT NULL,
	`buyer` text NOT NULL,
	`delivery` text NOT NULL,
	`registration` text NOT NULL,
	`vehicles` text NOT NULL,
	`items` text NOT NULL,
	`amounts` text NOT NULL,
	`total_cents` integer NOT NULL,
	`paid_cents` integer NOT NULL,
	`card_brand` text NOT NULL,
	`card_last4` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`cart_id`) REFERENCES `checkout_carts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `placed_orders_dealer_idx` ON `placed_orders` (`dealer_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `placed_orders_oem_idx` ON `placed_orders` (`oem_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `placed_orders_cart_idx` ON `placed_orders` (`cart_id`);--> statement-breakpoint
CREATE TABLE `product_accessories` (
	`id` text PRIMARY KEY NOT NULL,
	`product_row_id` text NOT NULL,
	`name` text NOT NULL,
	`variant_key` text NOT NULL,
	`price_cents` integer NOT NULL,
	FOREIGN KEY (`product_row_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `product_accessories_key_unique` ON `product_accessories` (`product_row_id`,`variant_key`);--> statement-breakpoint
CREATE TABLE `products` (
	`id` text PRIMARY KEY NOT NULL,
	`oem_id` text NOT NULL,
	`product_id` text NOT NULL,
	`name` text NOT NULL,
	`model_year` integer NOT NULL,
	`brand_key` text,
	`base_price_cents` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`oem_id`) REFERENCES `oems`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `products_oem_product_unique` ON `products` (`oem_id`,`product_id`);