"""nbmake runs every notebook here except the patient one.

``tests/test_notebooks.py::test_patient_notebook_in_dutch_shows_no_english``
runs ``patient.ipynb`` with nbclient (what nbmake runs it with) and also reads
its outputs, so the suite runs it once, not twice.
"""

collect_ignore = ["patient.ipynb"]
