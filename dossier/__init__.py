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

For a large dossier, steps 4 and 5 run in a pool of forked processes, one per core
(workers.py): each plans and renders chunks of the pages and returns their files, and this
process writes them once every chunk is back. Each record's history (history.py) is read from
git before step 1, and its pages rendered with the downloads.

Problems from steps 1-3 are all collected, then reported together; nothing is written then.
"""
