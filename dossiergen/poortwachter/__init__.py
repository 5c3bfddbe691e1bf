"""The law: the Poortwachter timeline, werkdagen, samentelling and the AOW-leeftijd.

Pure: no clock and no I/O (besides reading the packaged tables); every legal number once, with
its source beside it."""
