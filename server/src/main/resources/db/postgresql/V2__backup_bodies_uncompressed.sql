-- Backup bodies are ciphertext (base64 in JSON): PostgreSQL's compression of TOAST values spent CPU on every
-- write to save little. EXTERNAL keeps them out of line, uncompressed.
ALTER TABLE backup_versions ALTER COLUMN body SET STORAGE EXTERNAL;
