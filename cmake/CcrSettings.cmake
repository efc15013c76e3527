# Shared compile settings every target links (qBittorrent's qbt_common_cfg).
add_library(ccr_settings INTERFACE)
target_compile_options(ccr_settings INTERFACE
    -Wall -Wextra -pedantic -Wold-style-cast -Wnon-virtual-dtor -Woverloaded-virtual)
target_compile_definitions(ccr_settings INTERFACE
    QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_USE_QSTRINGBUILDER QT_NO_CONTEXTLESS_CONNECT
    QT_NO_KEYWORDS QT_NO_FOREACH)
if(CCR_WARNINGS_AS_ERRORS)
    target_compile_options(ccr_settings INTERFACE -Werror)
endif()
if(CCR_FUZZ)
    # Coverage for libFuzzer in our code; the fuzz executables add -fsanitize=fuzzer for main().
    target_compile_options(ccr_settings INTERFACE -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
                                                  -fno-sanitize-recover=undefined)
    target_link_options(ccr_settings INTERFACE -fsanitize=address,undefined)
endif()
if(CCR_SANITIZE)
    target_compile_options(ccr_settings INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                                  -fno-sanitize-recover=undefined)
    target_link_options(ccr_settings INTERFACE -fsanitize=address,undefined)
endif()

# Adds one QtTest executable as a CTest test; GUI tests pass GUI to run offscreen. WRAPPER is a
# script that runs the test executable given as its argument (e.g. tests/support/with-keyring.sh).
function(ccr_add_test name)
    cmake_parse_arguments(ARG "GUI" "TIMEOUT;WRAPPER" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE ${ARG_LIBS} Qt6::Test ccr_settings)
    if(ARG_WRAPPER)
        add_test(NAME ${name} COMMAND ${ARG_WRAPPER} $<TARGET_FILE:${name}>)
    else()
        add_test(NAME ${name} COMMAND ${name})
    endif()
    set(env "QT_FORCE_STDERR_LOGGING=1")
    if(ARG_GUI)
        list(APPEND env "QT_QPA_PLATFORM=offscreen")
    endif()
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 120)
    endif()
    set_tests_properties(${name} PROPERTIES ENVIRONMENT "${env}" TIMEOUT ${ARG_TIMEOUT}
                                            LABELS "${ARG_LABELS}")
endfunction()
