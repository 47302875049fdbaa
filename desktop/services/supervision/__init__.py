"""督办: instruments issued to a unit against its overdue items (提示单 / 督办单 / 催办通知), their register and
replies, and the office's escalation ladder that proposes the next step — never takes it by itself."""
