from creo_schema.cli import main

main()
