CREATE INDEX `requests_legal_basis_idx` ON `requests` (`legal_basis`);--> statement-breakpoint
CREATE INDEX `requests_urgency_idx` ON `requests` (`urgency`,`status`);--> statement-breakpoint
CREATE INDEX `requests_domestic_authority_idx` ON `requests` (`domestic_authority`);--> statement-breakpoint
CREATE INDEX `requests_closed_idx` ON `requests` (`closed_on`);--> statement-breakpoint
CREATE INDEX `status_history_to_status_idx` ON `status_history` (`to_status`,`effective_on`);