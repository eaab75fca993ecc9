"""The report (BÁO CÁO): content built from the register, rendered to PDF, DOCX and XLSX."""
