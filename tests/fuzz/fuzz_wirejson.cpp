// libFuzzer target over every wire parser (configure with clang and -DBD_FUZZ=ON; run
// ./fuzz_wirejson tests/data/fuzz-corpus tests/data/wire: the committed corpus and the wire fixtures).

#include "wirejson.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    bd::fuzz::parseEverything(QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size)));
    return 0;
}
