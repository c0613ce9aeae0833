"""One plain function per command: settings in, a result out; the CLI renders it."""
