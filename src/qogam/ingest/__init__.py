"""Reading sources into text: local files and standard input now; HTML, feeds and URLs later."""
