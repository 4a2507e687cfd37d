/* libxml2 serialisation into an or_out, for the reporters built on libxml2. */
#ifndef OR_RENDER_XML_OUTPUT_H
#define OR_RENDER_XML_OUTPUT_H

#include <libxml/xmlIO.h>

#include "util/out.h"

/* An output buffer (UTF-8, no conversion) whose bytes go to `out`; close it
 * with xmlOutputBufferClose, which returns < 0 when a write failed. */
xmlOutputBufferPtr or_xml_output(or_out *out);

#endif
