CREATE TABLE deck (
	id INTEGER NOT NULL, 
	name VARCHAR NOT NULL, 
	source VARCHAR, 
	bank_file VARCHAR, 
	bank_digest VARCHAR, 
	exam_date DATE, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (name)
);
CREATE TABLE setting (
	deck_id INTEGER NOT NULL, 
	"key" VARCHAR NOT NULL, 
	value VARCHAR NOT NULL, 
	PRIMARY KEY (deck_id, "key")
);
CREATE TABLE question (
	id VARCHAR NOT NULL, 
	deck_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	type VARCHAR NOT NULL, 
	topic VARCHAR, 
	prompt VARCHAR NOT NULL, 
	answer VARCHAR NOT NULL, 
	choices JSON, 
	accept JSON, 
	items JSON, 
	explanation VARCHAR, 
	source_line INTEGER, 
	source_text VARCHAR, 
	tags JSON, 
	content_hash VARCHAR NOT NULL, 
	active BOOLEAN NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	retired_at DATETIME, 
	PRIMARY KEY (id), 
	FOREIGN KEY(deck_id) REFERENCES deck (id)
);
CREATE INDEX ix_question_deck_position ON question (deck_id, active, position);
CREATE INDEX ix_question_deck_source ON question (deck_id, source_text);
CREATE TABLE quizrun (
	id INTEGER NOT NULL, 
	deck_id INTEGER, 
	topic VARCHAR, 
	mode VARCHAR NOT NULL, 
	question_order VARCHAR NOT NULL, 
	question_count INTEGER NOT NULL, 
	time_limit_s INTEGER, 
	mark_correct FLOAT NOT NULL, 
	mark_wrong FLOAT NOT NULL, 
	mark_unanswered FLOAT NOT NULL, 
	settings JSON, 
	started_at DATETIME NOT NULL, 
	finished_at DATETIME, 
	score FLOAT, 
	max_score FLOAT, 
	correct INTEGER NOT NULL, 
	wrong INTEGER NOT NULL, 
	unanswered INTEGER NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(deck_id) REFERENCES deck (id)
);
CREATE INDEX ix_quizrun_deck_id ON quizrun (deck_id);
CREATE TABLE card (
	question_id VARCHAR NOT NULL, 
	state INTEGER NOT NULL, 
	step INTEGER, 
	stability FLOAT, 
	difficulty FLOAT, 
	ease FLOAT, 
	interval_days FLOAT, 
	due DATETIME NOT NULL, 
	last_review DATETIME, 
	reps INTEGER NOT NULL, 
	lapses INTEGER NOT NULL, 
	suspended BOOLEAN NOT NULL, 
	buried_until DATETIME, 
	leech BOOLEAN NOT NULL, 
	PRIMARY KEY (question_id), 
	FOREIGN KEY(question_id) REFERENCES question (id)
);
CREATE INDEX ix_card_due ON card (due);
CREATE TABLE review (
	id INTEGER NOT NULL, 
	question_id VARCHAR NOT NULL, 
	deck_id INTEGER NOT NULL, 
	quiz_run_id INTEGER, 
	reviewed_at DATETIME NOT NULL, 
	mode VARCHAR NOT NULL, 
	scheduler VARCHAR, 
	rating INTEGER, 
	correct BOOLEAN, 
	credit FLOAT, 
	response VARCHAR, 
	duration_ms INTEGER, 
	state_before INTEGER, 
	interval_before FLOAT, 
	card_before JSON, 
	card_after JSON, 
	PRIMARY KEY (id), 
	FOREIGN KEY(question_id) REFERENCES question (id), 
	FOREIGN KEY(deck_id) REFERENCES deck (id), 
	FOREIGN KEY(quiz_run_id) REFERENCES quizrun (id)
);
CREATE INDEX ix_review_time ON review (reviewed_at, deck_id, mode, correct, duration_ms);
CREATE INDEX ix_review_quiz_run_id ON review (quiz_run_id);
CREATE INDEX ix_review_deck_time ON review (deck_id, reviewed_at);
CREATE INDEX ix_review_question_id ON review (question_id);
