-- Each version's size, stored with the version: retention, the quota and the history list read it for every
-- write instead of the body's length (the same queries as SQLite's, whose rows needed it; see its V5).
ALTER TABLE backup_versions ADD COLUMN size INTEGER;
UPDATE backup_versions SET size = octet_length(body);
-- Servers of the previous version, still running beside new ones during a rolling upgrade, insert versions
-- without a size: the trigger gives them theirs, so the quota and retention still count them.
CREATE FUNCTION backup_version_size() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.size IS NULL THEN
        NEW.size := octet_length(NEW.body);
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER backup_versions_size BEFORE INSERT ON backup_versions
    FOR EACH ROW EXECUTE FUNCTION backup_version_size();
ALTER TABLE backup_versions ALTER COLUMN size SET NOT NULL;
