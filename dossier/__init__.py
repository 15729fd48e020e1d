"""The Russia–Iran dossier: YAML under data/ -> checked records -> Markdown pages under docs/.

The pipeline, in order (see `build.generate`):

1. load    - data/*.yaml -> raw records that remember file, line and column (load.py)
2. shape   - raw records -> typed records, each checked against the schema (checks/shape.py, schema.py)
3. check   - checks across records: ids, references, periods, quotes (checks/)
4. plan    - the whole dataset and its backlinks -> one plan per page (pages.py; charts.py,
             coverage.py and finding.py supply charts, source coverage, search terms, facets)
5. render  - plans -> Markdown and redirect pages, all data escaped (render.py, templates/);
             the downloads beside them (downloads.py: export.py, jsonschema.py, feed.py)
6. write   - only what changed, only once everything before succeeded (write.py)

Steps 1 and 2 of a large dossier run in two processes, each reading and shaping a share of the
files (reading.py). The downloads need no page: another process makes them during steps 3 and 4
(build.generate). Steps 4 to 6 run in one forked process per core (workers.py): each plans,
renders and writes a share of the pages, and none writes before every one has rendered.

Problems from steps 1-3 are all collected, then reported together; nothing is written then.
"""
