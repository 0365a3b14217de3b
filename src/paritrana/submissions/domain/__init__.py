"""Submission services (``<entity>_<verb>``, keyword-only); views and the CLI call these."""
