"""Records of other agencies met in the same releases, and the wrappers around them.

- ``recognise``   which agency's record a document is (CIA cable, FBI teletype, NSA intercept)
- ``reader``      the agency cable line by line: CITE line, receipt stamp, DTG, teletype parties
- ``cia_opening`` a CIA cable's slug and REF lines, and its routing boxes
- ``intercepts``  an NSA intercept's parties, date and title
- ``markings``    classification and dissemination controls surviving in OCR debris
- ``jfk_form``    the JFK Assassination Records identification form
- ``email``       emails that forward a cable
"""

from .cia_address import to_rows_above_headquarters
from .cia_opening import closest, read_cia_boxes, read_cia_opening, read_cia_refs_above, text_before_a_later_cite
from .email import cable_start, is_email
from .jfk_form import may_hold_form_title, read_jfk_form
from .reader import read_agency
from .recognise import agency_kind
from .markings import read_page_marking

__all__ = ["agency_kind", "cable_start", "closest", "is_email", "read_agency", "read_cia_boxes", "read_cia_opening", "read_cia_refs_above",
           "text_before_a_later_cite", "may_hold_form_title", "read_jfk_form", "read_page_marking", "to_rows_above_headquarters"]
