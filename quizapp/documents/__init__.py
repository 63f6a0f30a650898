"""Study documents (.txt, .md, .pdf) read into sections, blocks and sentences with line numbers."""
