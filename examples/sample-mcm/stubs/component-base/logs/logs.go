// Package logs sets up logging.
package logs

// InitLogs starts logging (a no-op in the stand-in).
func InitLogs() {}

// FlushLogs flushes pending log lines (a no-op in the stand-in).
func FlushLogs() {}
