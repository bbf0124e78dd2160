from experience.cli import main

raise SystemExit(main())
