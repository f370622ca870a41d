"""The reports app stores nothing: a report is built from data values, activities and findings."""
