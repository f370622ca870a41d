"""Indicators and data values: indicator × subject × period × disaggregation."""
