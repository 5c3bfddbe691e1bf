"""From template to typed blocks: the Jinja sandbox, the filters that escape values and write
Dutch dates and numbers, and the parser of the block markup."""
