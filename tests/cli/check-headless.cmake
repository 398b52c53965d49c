# Runs the dashboard with no display and no QT_QPA_PLATFORM and checks its exit code and output.
# cmake -DAPP=<billing-dashboard> -DARGS=<a;b> -DEXIT=<code> -DEXPECT=<regex> -P check-headless.cmake
execute_process(COMMAND "${CMAKE_COMMAND}" -E env --unset=DISPLAY --unset=WAYLAND_DISPLAY --unset=QT_QPA_PLATFORM
                        "${APP}" ${ARGS}
                RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 60)
if(NOT result STREQUAL "${EXIT}")
    message(FATAL_ERROR "billing-dashboard ${ARGS}: exit ${result}, expected ${EXIT}\nstdout: ${out}\nstderr: ${err}")
endif()
if(NOT "${out}${err}" MATCHES "${EXPECT}")
    message(FATAL_ERROR "billing-dashboard ${ARGS}: output does not match “${EXPECT}”\nstdout: ${out}\nstderr: ${err}")
endif()
message(STATUS "billing-dashboard ${ARGS}: exit ${result}")
