"""The project library's work queue (待办事项): reviews, returned entries, notices, objections, admission,
scheduling and progress reports due."""
