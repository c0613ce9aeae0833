-- main
CREATE RULE readonly_no_delete AS
    ON DELETE TO public.readonly DO INSTEAD NOTHING;
