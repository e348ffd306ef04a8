"""Imported only by the fork server, first of its preloads: the server dies with the run that
started it (Linux PR_SET_PDEATHSIG), so that no fork server outlives a killed `vanban run`; its
workers are tied to it, and to the run, in `processes.tie_to_parent`."""
from pipeline.processes import die_with_parent

die_with_parent()
