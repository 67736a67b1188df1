"""The application icon: SVG sources, rendered PNG sizes, and the script that renders them."""
