"""Annual reports of a pairing and the national overview: context → templates → HTML, PDF, XLSX, DOCX, MD."""
