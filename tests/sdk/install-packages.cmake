# CTest fixture of sdk_conformance: installs the pinned Genesys SDK (npm ci) unless it is already in place.
# cmake -DNODE=<node> -DNPM=<npm> -DDIR=<tests/sdk> -P install-packages.cmake
if(NOT NODE OR NOT NPM)
    message(FATAL_ERROR "Node.js and npm are needed by the SDK conformance test: run packaging/setup.sh test, "
                        "or apt-get install nodejs npm")
endif()
file(READ "${DIR}/package.json" manifest)
string(JSON pinned GET "${manifest}" dependencies purecloud-platform-client-v2)
set(installed_manifest "${DIR}/node_modules/purecloud-platform-client-v2/package.json")
if(EXISTS "${installed_manifest}")
    file(READ "${installed_manifest}" installed)
    string(JSON version GET "${installed}" version)
    if(version STREQUAL pinned)
        message(STATUS "purecloud-platform-client-v2 ${pinned} is installed")
        return()
    endif()
endif()
message(STATUS "installing purecloud-platform-client-v2 ${pinned}: npm ci in ${DIR}")
execute_process(COMMAND "${NPM}" ci --no-audit --no-fund --loglevel=error WORKING_DIRECTORY "${DIR}"
                RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "npm ci failed in ${DIR} (${result}): the SDK conformance test needs the npm registry once")
endif()
