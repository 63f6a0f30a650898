"""Turn a Document into a question bank: facts, questions of six types, distractors, a quality filter."""
