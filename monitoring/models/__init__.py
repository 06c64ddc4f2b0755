from .access import RegionalAdmin
from .figures import Figure, ProgrammeFigure, ProvinceFigure, RegencyFreshness
from .jobs import RefreshJob, ReportJob
from .reports import ImpactRecord, LibraryReport, ReportActivity, ReportTarget

__all__ = [
    "Figure",
    "ImpactRecord",
    "LibraryReport",
    "ProgrammeFigure",
    "ProvinceFigure",
    "RefreshJob",
    "RegencyFreshness",
    "RegionalAdmin",
    "ReportActivity",
    "ReportJob",
    "ReportTarget",
]
