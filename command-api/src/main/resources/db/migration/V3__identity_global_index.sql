-- The database assigns the global index while inserting an event (one round trip instead of asking the
-- sequence first). Still one sequence value at a time, so restarts leave no gaps (see META-INF/orm.xml).
ALTER TABLE domain_event_entry ALTER COLUMN global_index SET DEFAULT nextval('domain_event_entry_seq');
ALTER SEQUENCE domain_event_entry_seq OWNED BY domain_event_entry.global_index;
ALTER TABLE association_value_entry ALTER COLUMN id SET DEFAULT nextval('association_value_entry_seq');
ALTER SEQUENCE association_value_entry_seq OWNED BY association_value_entry.id;
