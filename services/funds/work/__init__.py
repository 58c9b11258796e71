"""The funds service's work queue (待办事项): rectification cases by deadline and idle items without a case."""
