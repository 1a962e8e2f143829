"""Finding the versions of every story in a corpus of articles (issue 15).

Steps, one module each: :mod:`.table` reads the corpus with a column mapping,
:mod:`.text` gives the body used for discovery, :mod:`.shingles` hashes word shingles
and MinHash signatures, :mod:`.candidates` finds candidate pairs with MinHash LSH,
:mod:`.verify` checks them by containment and shared passages, :mod:`.group` groups
versions without chaining, :mod:`.original` proposes each story's original,
:mod:`.write` writes the outputs and :mod:`.pipeline` runs them (on Dask).
"""
