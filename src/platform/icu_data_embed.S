/* The native programs' ICU data package (current zone rules), linked into the binary. ICU needs 16-byte alignment. */
    .section .rodata
    .balign 16
    .global rapport_icu_data_begin
rapport_icu_data_begin:
    .incbin RAPPORT_ICU_DATA_FILE
    .global rapport_icu_data_end
rapport_icu_data_end:
    .byte 0
    .section .note.GNU-stack,"",@progbits
