"""The built site served and crawled as a static host would serve it."""
