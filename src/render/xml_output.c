#include "render/xml_output.h"

static int write_cb(void *ctx, const char *data, int len)
{
	or_out *out = ctx;

	if (len > 0)
		or_out_put(out, data, (size_t)len);
	return out->sink && out->failed ? -1 : len;
}

static int close_cb(void *ctx)
{
	(void)ctx;
	return 0;
}

xmlOutputBufferPtr or_xml_output(or_out *out)
{
	return xmlOutputBufferCreateIO(write_cb, close_cb, out, NULL);
}
