// Stand-in for a gated analytics script: records when it ran (time since navigation start).
window.analyticsRanAt = performance.now();
