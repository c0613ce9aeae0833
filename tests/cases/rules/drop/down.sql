-- main
CREATE RULE readonly_no_update AS
    ON UPDATE TO public.readonly DO INSTEAD NOTHING;
