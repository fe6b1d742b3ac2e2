-- Shared bookmarks and notes, and each user's reading positions.
--
-- Every write to `notes` takes a transaction-level advisory lock before it draws a number from
-- `note_change`, so change numbers become visible in order and a client that pulls
-- `change > last_seen` never skips a row committed late.

CREATE SEQUENCE note_change;

CREATE TABLE notes (
    id         text PRIMARY KEY,
    article    text NOT NULL,
    source     text NOT NULL,
    title      text NOT NULL,
    target     text NOT NULL,
    anchor     jsonb NOT NULL,
    note       text NOT NULL,
    author     text NOT NULL,
    edited_by  text NOT NULL,
    revision   bigint NOT NULL DEFAULT 1,
    deleted    boolean NOT NULL DEFAULT false,
    created    timestamptz NOT NULL,
    updated    timestamptz NOT NULL,
    received   timestamptz NOT NULL DEFAULT now(),
    change     bigint NOT NULL DEFAULT nextval('note_change')
);

CREATE INDEX notes_change ON notes (change);
CREATE INDEX notes_article ON notes (article);
CREATE INDEX notes_author ON notes (author);

CREATE TABLE positions (
    author     text NOT NULL,
    key        text NOT NULL,
    byte       bigint NOT NULL,
    updated    timestamptz NOT NULL,
    PRIMARY KEY (author, key)
);
