-- The schema of a new database, as sqlite-utils' table API wrote it (the app up to
-- schema 7 made its tables through it); tests/test_store.py checks a new file and
-- every older one, once migrated, against it.
CREATE TABLE "_sqlite_migrations" (
   "id" INTEGER PRIMARY KEY,
   "migration_set" TEXT,
   "name" TEXT,
   "applied_at" TEXT
);
CREATE UNIQUE INDEX "idx__sqlite_migrations_migration_set_name"
    ON "_sqlite_migrations" ("migration_set", "name");
CREATE TABLE "articles" (
   "id" INTEGER PRIMARY KEY,
   "content_hash" TEXT NOT NULL,
   "title" TEXT,
   "outlet" TEXT,
   "published" TEXT,
   "url" TEXT,
   "source_path" TEXT,
   "dateline" TEXT,
   "flags" TEXT,
   "text" TEXT NOT NULL,
   "imported_at" TEXT
, "published_basis" TEXT);
CREATE UNIQUE INDEX "idx_articles_content_hash"
    ON "articles" ("content_hash");
CREATE INDEX "idx_articles_published"
    ON "articles" ("published");
CREATE TABLE "places" (
   "id" TEXT PRIMARY KEY,
   "name" TEXT NOT NULL,
   "province" TEXT,
   "country" TEXT,
   "iso_code" TEXT,
   "lat" REAL,
   "lon" REAL,
   "is_national_capital" INTEGER
);
CREATE TABLE "events" (
   "id" INTEGER PRIMARY KEY,
   "place_id" TEXT NOT NULL REFERENCES "places"("id"),
   "status" TEXT NOT NULL,
   "date" TEXT,
   "end_date" TEXT,
   "date_precision" TEXT NOT NULL
, "day" INTEGER, "end_day" INTEGER, "reviewed" INTEGER NOT NULL DEFAULT 0, "rejected" INTEGER NOT NULL DEFAULT 0, "edited" INTEGER NOT NULL DEFAULT 0, "manual" INTEGER NOT NULL DEFAULT 0, "note" TEXT);
CREATE INDEX "idx_events_date"
    ON "events" ("date");
CREATE INDEX "idx_events_place_id_status_date"
    ON "events" ("place_id", "status", "date");
CREATE TABLE "mentions" (
   "id" INTEGER PRIMARY KEY,
   "event_id" INTEGER NOT NULL REFERENCES "events"("id"),
   "article_id" INTEGER NOT NULL REFERENCES "articles"("id"),
   "quote" TEXT NOT NULL,
   "start" INTEGER NOT NULL,
   "end" INTEGER NOT NULL
, "source_status" TEXT, "source_date" TEXT, "source_precision" TEXT, "because" TEXT);
CREATE INDEX "idx_mentions_event_id"
    ON "mentions" ("event_id");
CREATE INDEX "idx_mentions_article_id"
    ON "mentions" ("article_id");
CREATE UNIQUE INDEX "idx_mentions_event_id_article_id_start"
    ON "mentions" ("event_id", "article_id", "start");
CREATE VIRTUAL TABLE "articles_fts" USING FTS5 (
    "title", "text",
    tokenize='porter',
    content="articles"
);
CREATE TABLE 'articles_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
CREATE TABLE 'articles_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
CREATE TABLE 'articles_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
CREATE TABLE 'articles_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
CREATE TRIGGER "articles_ai" AFTER INSERT ON "articles" BEGIN
  INSERT INTO "articles_fts" (rowid, "title", "text") VALUES (new.rowid, new."title", new."text");
END;
CREATE TRIGGER "articles_ad" AFTER DELETE ON "articles" BEGIN
  INSERT INTO "articles_fts" ("articles_fts", rowid, "title", "text") VALUES('delete', old.rowid, old."title", old."text");
END;
CREATE TRIGGER "articles_au" AFTER UPDATE ON "articles" BEGIN
  INSERT INTO "articles_fts" ("articles_fts", rowid, "title", "text") VALUES('delete', old.rowid, old."title", old."text");
  INSERT INTO "articles_fts" (rowid, "title", "text") VALUES (new.rowid, new."title", new."text");
END;
CREATE TABLE "event_keys" (
   "event_id" INTEGER REFERENCES "events"("id"),
   "place_id" TEXT,
   "status" TEXT,
   "date" TEXT
);
CREATE INDEX "idx_event_keys_place_id_status_date"
    ON "event_keys" ("place_id", "status", "date");
CREATE INDEX "idx_event_keys_event_id"
    ON "event_keys" ("event_id");
CREATE TABLE "audit" (
   "id" INTEGER PRIMARY KEY,
   "at" TEXT,
   "user" TEXT,
   "action" TEXT,
   "event_id" INTEGER,
   "before" TEXT,
   "after" TEXT
);
CREATE TABLE "settings" (
   "key" TEXT PRIMARY KEY,
   "value" TEXT
);
CREATE TABLE disagreement (event_id INTEGER PRIMARY KEY);
CREATE INDEX "idx_events_place_id_day"
    ON "events" ("place_id", "day");
