CREATE TABLE `lanes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dealer_id` text NOT NULL,
	`location_a` integer NOT NULL,
	`location_b` integer NOT NULL,
	`distance_miles` real NOT NULL,
	`duration_minutes` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lanes_pair_unique` ON `lanes` (`dealer_id`,`location_a`,`location_b`);--> statement-breakpoint
CREATE TABLE `loaners` (
	`id` text PRIMARY KEY NOT NULL,
	`dealer_id` text NOT NULL,
	`stock` text NOT NULL,
	`vin` text,
	`year` text,
	`make` text NOT NULL,
	`model` text NOT NULL,
	`color` text,
	`status` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `loaners_dealer_stock_unique` ON `loaners` (`dealer_id`,`stock`);--> statement-breakpoint
CREATE TABLE `locations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dealer_id` text NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL,
	`address_one` text NOT NULL,
	`address_two` text,
	`city` text NOT NULL,
	`state` text NOT NULL,
	`zip` text NOT NULL,
	`lat` real NOT NULL,
	`lon` real NOT NULL,
	`place_id` text NOT NULL,
	`full_address` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `locations_dealer_key_unique` ON `locations` (`dealer_id`,`key`);--> statement-breakpoint
CREATE TABLE `move_bookings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dealer_id` text NOT NULL,
	`kind` text NOT NULL,
	`customer_action` text NOT NULL,
	`appointment_at` integer NOT NULL,
	`ready_by_at` integer NOT NULL,
	`customer_name` text NOT NULL,
	`customer_phone` text NOT NULL,
	`tracking_token` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `move_bookings_tracking_unique` ON `move_bookings` (`tracking_token`);--> statement-breakpoint
CREATE INDEX `move_bookings_dealer_idx` ON `move_bookings` (`dealer_id`,`appointment_at`);--> statement-breakpoint
CREATE TABLE `moves` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dealer_id` text NOT NULL,
	`booking_id` integer NOT NULL,
	`role` text NOT NULL,
	`leg` integer NOT NULL,
	`reference_id` text,
	`dealer_contact` text,
	`special_instructions` text,
	`vehicle` text NOT NULL,
	`loaner_id` text,
	`pickup_location_id` integer NOT NULL,
	`delivery_location_id` integer NOT NULL,
	`lane_id` integer NOT NULL,
	`ready_by_at` integer NOT NULL,
	`status` text,
	`cancel_status` text,
	`driver_name` text,
	`dispatched_at` integer,
	`pickup_started` integer,
	`pickup_arrived` integer,
	`pickup_successful` integer,
	`delivery_started` integer,
	`delivery_arrived` integer,
	`delivery_successful` integer,
	`pickup_record` text,
	`delivery_record` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`booking_id`) REFERENCES `move_bookings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `moves_dealer_idx` ON `moves` (`dealer_id`,`ready_by_at`);--> statement-breakpoint
CREATE INDEX `moves_booking_idx` ON `moves` (`booking_id`);--> statement-breakpoint
CREATE INDEX `moves_loaner_idx` ON `moves` (`loaner_id`);--> statement-breakpoint
-- Move ids continue the source contract's numbering style (five digits and up).
INSERT INTO sqlite_sequence (name, seq) VALUES ('moves', 10051);--> statement-breakpoint
INSERT INTO sqlite_sequence (name, seq) VALUES ('lanes', 6780);--> statement-breakpoint
INSERT INTO sqlite_sequence (name, seq) VALUES ('locations', 2245);
