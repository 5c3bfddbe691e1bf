"""One dossier file: loaded with positions, checked against the JSON Schemas with Dutch
messages, and cut into audience views; plus the typed input of the Poortwachter timeline."""
