"""Data in and out of pairaid in other people's formats.

* :mod:`pairaid.interop.form_export` and :mod:`pairaid.interop.form_import`: the yearly
  statistical form of a pairing as an Excel workbook, written and read back;
* :mod:`pairaid.interop.opendata`: data values as CSV and as a Frictionless data package;
* :mod:`pairaid.interop.iati`: activities and their transactions as IATI activity XML 2.03.

A plain package (no models): reads go through :mod:`pairaid.interop.selectors`,
writes through the registry, activities and indicators services.
"""
