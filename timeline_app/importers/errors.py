class ArticleError(ValueError):
    """A file cannot be imported; the message is one line for the user."""
