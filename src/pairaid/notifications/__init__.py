"""Notifications: messages to users in the application, sent by email too."""
